/**
 * Schema of the directives dataset (data/build/directives.json / .csv): one row per directive sentence.
 */
import { z } from "zod";
import { cleanSpan, col, documentId, isoDate } from "./schemas.ts";

export const directiveSchema = z
  .object({
    id: col(z.string().regex(/^[a-z0-9][a-z0-9_-]*-d\d{3,}$/), "编号", "Stable id: the document id, -d and the directive's number in text order"),
    doc_id: col(documentId, "文档编号", "Id of the document the directive is read from"),
    speaker: col(z.string().min(1), "讲话人", "Who gives the directive: a person as named, 会议 (the meeting), or the issuing body of a notice"),
    speaker_role: col(z.string().min(1).nullable(), "讲话人职务", "The speaker's role as the text gives it before the name, or null"),
    district: col(z.string().min(1).nullable(), "适用区", "Beijing district the directive applies to (the speaker's district when the role names one, else the document's only district), or null for the whole city"),
    date: col(isoDate.nullable(), "日期", "The document's event date, else its publication date, or null"),
    text: col(z.string().min(1), "指示内容", "The directive sentence (from the speech verb on when the sentence opens by narrating a visit), Simplified"),
    categories: col(z.array(z.string().min(1)), "措施类别", "Keys of data/reference/measure-categories.csv whose keywords occur in the text, in the file's order"),
    span: col(cleanSpan, "位置", "[start, end) of the text in the document's clean text, UTF-16 code units"),
  })
  .strict();

export type DirectiveRecord = z.infer<typeof directiveSchema>;
