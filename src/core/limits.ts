// Limits shared by the sidebar and the server, kept free of zod so the sidebar bundle stays small.

/** Longest text a user may type into a free-text field; longer is refused, never cut. */
export const MAX_TEXT = 2000;
/** Google Sheets refuses cells over 50,000 characters; MAX_TEXT stays far below it. */
export const SHEETS_CELL_LIMIT = 50000;
