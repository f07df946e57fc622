/**
 * Moving the dates of a report by a number of days, so that one sample report can stand for reports of many days.
 */

// 2022年4月13日 | 2022-04-13, 2022/4/13 | 4月13日 (year taken from the report). No digit before: 12022年 is no year.
const DATE = /(?<!\d)(?:(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})([-/])(\d{1,2})\5(\d{1,2})(?!\d)|(\d{1,2})月(\d{1,2})日)/g;

/**
 * `text` with every date written `2022年4月13日`, `2022-04-13`, `2022/4/13` or `4月13日` moved by `days` days (may be
 * negative), written in the same form (zero padding kept: `04` stays two digits). A date without its year
 * (`4月13日`) is read in `year` and written without one. Text that looks like a date but is none (`13月40日`) and
 * dates in words (`四月十三日`) are left as they are. A multiple of 7 keeps weekdays (`星期三`) true.
 */
export function shiftDates(text: string, days: number, year: number): string {
  return text.replace(DATE, (match, ...groups: Array<string | undefined>) => {
    const [fy, fm, fd, iy, sep, im, id, pm, pd] = groups;
    if (fy !== undefined) {
      const moved = moveDay(Number(fy), Number(fm), Number(fd), days);
      return moved === null ? match : `${moved.year}年${moved.month}月${moved.day}日`;
    }
    if (iy !== undefined) {
      const moved = moveDay(Number(iy), Number(im), Number(id), days);
      if (moved === null) return match;
      return `${moved.year}${sep}${pad(moved.month, im!.length)}${sep}${pad(moved.day, id!.length)}`;
    }
    const moved = moveDay(year, Number(pm), Number(pd), days);
    return moved === null ? match : `${moved.month}月${moved.day}日`;
  });
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The day `days` after year-month-day, or null when that is no real day. */
function moveDay(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } | null {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const moved = new Date(time + days * 86_400_000);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}
