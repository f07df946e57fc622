/**
 * Genres of reports as the site shows them: Chinese labels and the addresses of the lists of each genre.
 */
import { GENRES, type Genre } from "../pipeline/parse/genre.ts";

/** 体裁: the Chinese label of each genre, in `GENRES` order. */
export const GENRE_LABELS: Readonly<Record<Genre, string>> = {
  meeting: "会议",
  inspection: "检查调研",
  case_bulletin: "疫情通报",
  risk_area: "风险区域",
  notice: "通告",
};

/** Every genre with its label and list address, in `GENRES` order (the order of the site's links). */
export function listGenres(): Array<{ genre: Genre; label: string; url: string }> {
  return GENRES.map((genre) => ({ genre, label: GENRE_LABELS[genre], url: getGenreUrl(genre) }));
}

/** `/reports/genre/meeting/`: the first page of the list of a genre's reports. */
export function getGenreUrl(genre: Genre): string {
  return `/reports/genre/${genre}/`;
}

/** The label of `genre` (`meeting` → `会议`); null for a null genre (undecided) or a value that is no genre. */
export function findGenreLabel(genre: string | null): string | null {
  return genre !== null && (GENRES as readonly string[]).includes(genre) ? GENRE_LABELS[genre as Genre] : null;
}
