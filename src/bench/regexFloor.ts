/**
 * The pipeline's floor: the least work any report pipeline must do with the same bytes. It decodes each file
 * (UTF-8, else GB18030) and runs a handful of regular expressions over the text: dates, directive verbs, district
 * names and case counts. `npm run bench` prints the pipeline's time as a multiple of this one's.
 */

/** What the floor found, so that the work cannot be optimised away and two runs can be compared. */
export interface FloorScan {
  /** files decoded */
  files: number;
  /** bytes read */
  bytes: number;
  /** matches of all the patterns together */
  matches: number;
}

// 2022年4月13日, 4月13日, 2022-04-13: dates as reports write them.
const DATE = /(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}/g;
// 会议强调, 要求: the verbs that open a directive.
const DIRECTIVE = /强调|要求|指出|部署/g;
// 5例: case counts.
const COUNT = /\d+例/g;

/**
 * Decode every file of `files` and count the matches of the floor's patterns, `districtNames` (the gazetteer's
 * district names) among them. Never throws: bytes that are not UTF-8 are read as GB18030, whatever they are.
 */
export function scanFloor(files: readonly Uint8Array[], districtNames: readonly string[]): FloorScan {
  const districts = new RegExp(districtNames.join("|"), "g");
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const gb = new TextDecoder("gb18030");
  let bytes = 0;
  let matches = 0;
  for (const file of files) {
    bytes += file.length;
    let text: string;
    try {
      text = utf8.decode(file);
    } catch {
      // Not UTF-8 (003.html, 013.txt are GBK): the floor reads it as GB18030, as the pipeline would.
      text = gb.decode(file);
    }
    for (const pattern of [DATE, DIRECTIVE, COUNT, districts]) matches += text.match(pattern)?.length ?? 0;
  }
  return { files: files.length, bytes, matches };
}
