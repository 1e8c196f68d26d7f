// Jest's globalSetup: builds the shared runtime bundle once for the run (scripts/jest-shared.mjs).
import { globalSetup } from "./jest-shared.mjs";
export default globalSetup;
