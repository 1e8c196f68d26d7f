// Wording shared by the sidebar and the server, so a message says the same thing wherever it appears.

/** A check-in with fields to fix (the sidebar marks them under the fields; the CLI names its flags). */
export const FIX_FIELDS_MESSAGE = "Nothing was saved: fix the fields marked below.";
