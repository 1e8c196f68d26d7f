// Jest's expect, taking an optional second argument that says what was being checked:
// expect(value, "row 3 of the log").toBe(…). jest-expect-message prints that text with the failure; it
// wraps the global expect, so the ES-module suite wraps the one @jest/globals exports here instead.
import { createRequire } from "node:module";
import { expect as jestExpect } from "@jest/globals";

type JestExpect = typeof jestExpect;
type WithMessage = JestExpect & (<T = unknown>(actual: T, message?: string) => ReturnType<JestExpect>);

const require = createRequire(import.meta.url);
const withMessage = require("jest-expect-message/dist/withMessage.js").default as (e: JestExpect) => WithMessage;

export const expect: WithMessage = withMessage(jestExpect);
