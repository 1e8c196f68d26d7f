// TextStyle and its builder (SpreadsheetApp.newTextStyle): plain objects, as in Apps Script where a
// builder makes no round trip; only Range.setTextStyles, which applies a grid of them, is a service call.
import { signatureError } from "./enums";

export class LocalTextStyle {
  constructor(
    readonly _bold: boolean | null,
    readonly _italic: boolean | null,
    readonly _color: string | null,
    readonly _size: number | null,
  ) {}
  isBold() {
    return this._bold;
  }
  isItalic() {
    return this._italic;
  }
  getForegroundColor() {
    return this._color;
  }
  getFontSize() {
    return this._size;
  }
  copy() {
    const b = new LocalTextStyleBuilder();
    Object.assign(b, { bold: this._bold, italic: this._italic, color: this._color, size: this._size });
    return b;
  }
}

export class LocalTextStyleBuilder {
  private bold: boolean | null = null;
  private italic: boolean | null = null;
  private color: string | null = null;
  private size: number | null = null;
  setBold(b: boolean) {
    this.bold = !!b;
    return this;
  }
  setItalic(i: boolean) {
    this.italic = !!i;
    return this;
  }
  setForegroundColor(c: string) {
    this.color = c;
    return this;
  }
  setFontSize(n: number) {
    if (typeof n !== "number") throw signatureError("SpreadsheetApp.TextStyleBuilder.setFontSize", [n]);
    if (!(n > 0)) throw new Error("Invalid argument: fontSize");
    this.size = n;
    return this;
  }
  build() {
    return new LocalTextStyle(this.bold, this.italic, this.color, this.size);
  }
}
