/**
 * A file that cannot be read as the format it claims (a broken .xlsx, an unterminated quote ...).
 * `wrongFormat`: it is not of that format at all (a ZIP named .xlsx that holds no workbook), not merely broken.
 */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly wrongFormat = false,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
