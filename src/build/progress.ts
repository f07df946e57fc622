/**
 * Progress on a terminal: one line rewritten in place; nothing per file when the output is a log.
 */

/** Where progress and the summary go. */
export interface Logger {
  /** a line for the reader */
  info(line: string): void;
  /** progress of a long step (`total` null when not known ahead); may be shown in place or not at all */
  progress(done: number, total: number | null, label: string): void;
  /** end the progress line */
  endProgress(): void;
}

/** A logger writing to the given stream; progress is drawn only when it is a terminal. */
export function streamLogger(stream: NodeJS.WriteStream): Logger {
  const tty = stream.isTTY === true;
  let drawn = false;
  return {
    info(line) {
      if (drawn) stream.write("\n");
      drawn = false;
      stream.write(`${line}\n`);
    },
    progress(done, total, label) {
      if (!tty) return;
      const width = Math.max(10, (stream.columns ?? 80) - 20);
      const shown = label.length > width ? `…${label.slice(label.length - width + 1)}` : label;
      stream.write(`\r\x1b[2K[${total === null ? done : `${done}/${total}`}] ${shown}`);
      drawn = true;
    },
    endProgress() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
