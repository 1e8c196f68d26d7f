export { startPreviewServer } from "./server";
export type {
  PreviewBackend,
  PreviewCell,
  PreviewCellStyle,
  PreviewServer,
  PreviewServerOptions,
  PreviewTab,
} from "./types";
export { RPC_ALLOWED } from "./types";
