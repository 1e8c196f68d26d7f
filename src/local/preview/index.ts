export { startPreviewServer } from "./server";
export type {
  PreviewBackend,
  PreviewCell,
  PreviewCellStyle,
  PreviewServer,
  PreviewServerOptions,
  PreviewTab,
  PreviewAnswer,
  PreviewButton,
  PreviewMenuItem,
  PreviewMenuOutcome,
  PreviewNotice,
  PreviewQuestion,
} from "./types";
export { PREVIEW_BUTTONS, RPC_ALLOWED } from "./types";
