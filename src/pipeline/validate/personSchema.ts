/**
 * Schemas of the people datasets: person mentions (one per name and role in a document) and people (one per name).
 */
import { z } from "zod";
import { cleanSpan, col, documentId } from "./schemas.ts";

export const personMentionSchema = z
  .object({
    id: col(z.string().regex(/^[a-z0-9][a-z0-9_-]*-p\d{3,}$/), "编号", "Stable id: the document id, -p and the mention's number in text order"),
    doc_id: col(documentId, "文档编号", "Id of the document that names the person"),
    name: col(z.string().regex(/^\p{Script=Han}{2,3}$/u), "姓名", "The name as the clean text has it, 2 or 3 characters"),
    role: col(z.string().min(1), "职务", "The role phrase written before the name (several roles joined by 、)"),
    organisation: col(z.string().min(1).nullable(), "单位", "The body named in the first role (市委 for 市委书记), or null"),
    span: col(cleanSpan, "位置", "[start, end) of the name in the document's clean text, UTF-16 code units"),
  })
  .strict();

export const personSchema = z
  .object({
    name: col(z.string().regex(/^\p{Script=Han}{2,3}$/u), "姓名", "The name: the key of the row"),
    roles: col(z.array(z.string().min(1)).min(1), "职务", "Every distinct role seen, in the order first seen (documents by id, then text order)"),
    organisations: col(z.array(z.string().min(1)), "单位", "Every distinct organisation seen, in the order first seen"),
    doc_ids: col(z.array(documentId).min(1), "文档编号", "Ids of the documents that name the person, sorted"),
    sources: col(
      z.array(z.object({ doc_id: documentId, span: cleanSpan }).strict()).min(1),
      "出处",
      "Every mention: document id and [start, end) of the name in its clean text",
    ),
  })
  .strict();

export type PersonMentionRecord = z.infer<typeof personMentionSchema>;
export type PersonRecord = z.infer<typeof personSchema>;
