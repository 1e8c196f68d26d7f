// The decimal-comma tests' reference (test/core/decimalText, test/server/decimalComma): what the text the
// add-on writes for a spreadsheet with "," as its decimal separator must be, given the same text with ".".

/** The "." text with every decimal point between two digits made a comma. */
export const commaOf = (dotText: string): string => dotText.replace(/(\d)\.(\d)/g, "$1,$2");
