/**
 * The Frictionless data package descriptor (`datapackage.json`), generated from the zod schemas so
 * that the published dictionary can never drift from what the pipeline validates.
 */
import { z } from "zod";
import { LIST_SEPARATOR } from "./csv.ts";

/** A Frictionless table schema field. */
export interface TableField {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "date" | "array" | "object";
  title?: string;
  description?: string;
  format?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string };
}

interface JsonSchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: string[];
  pattern?: string;
  format?: string;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
}

/**
 * The table schema fields of an object schema, in its key order. `csv` describes the CSV form, where
 * lists are `; `-separated strings and nested records JSON text; otherwise the JSON form.
 */
export function tableFields(schema: z.ZodType, form: "csv" | "json"): TableField[] {
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchemaNode;
  const properties = json.properties ?? {};
  return Object.entries(properties).map(([name, node]) => fieldOf(name, node, form));
}

function fieldOf(name: string, node: JsonSchemaNode, form: "csv" | "json"): TableField {
  const variants = node.anyOf ?? [node];
  const nullable =
    variants.some((v) => v.type === "null") || (Array.isArray(node.type) && node.type.includes("null"));
  const main = variants.find((v) => v.type !== "null") ?? node;
  const baseType = Array.isArray(main.type) ? main.type.find((t) => t !== "null") : main.type;
  const field: TableField = { name, type: "string" };
  if (node.title) field.title = node.title;
  let description = node.description ?? "";
  if (baseType === "integer") field.type = "integer";
  else if (baseType === "number") field.type = "number";
  else if (baseType === "boolean") field.type = "boolean";
  else if (baseType === "array") {
    // As emitCsv writes them: lists of text joined, spans and lists of records as JSON text.
    const textList = main.items?.type === "string";
    if (form === "json") field.type = "array";
    else if (textList) description += ` (list separated by "${LIST_SEPARATOR}" in CSV)`;
    else description += " (JSON text in CSV)";
  } else if (baseType === "object") {
    // provenance: {"title": [{"start": 90, …}]} is a record; the CSV cell holds it as JSON text.
    if (form === "json") field.type = "object";
    else description += " (JSON text in CSV)";
  }
  else if (main.pattern === "^\\d{4}-\\d{2}-\\d{2}$") field.type = "date";
  else if (main.format === "uri") field.format = "uri";
  if (description) field.description = description;
  const constraints: NonNullable<TableField["constraints"]> = {};
  if (!nullable) constraints.required = true;
  if (main.enum) constraints.enum = main.enum;
  if (main.pattern && field.type === "string") constraints.pattern = main.pattern;
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  return field;
}

/** A resource of the package. */
export interface ResourceSpec {
  name: string;
  path: string;
  title: string;
  description: string;
  schema: z.ZodType;
  primaryKey?: string;
}

/**
 * The descriptor for the given resources: CSV resources get a tabular schema of the CSV form, JSON
 * resources one of the JSON form. Contains no date of the build: equal inputs give equal bytes.
 */
export function emitDataPackage(resources: ResourceSpec[]): Record<string, unknown> {
  return {
    profile: "data-package",
    name: "tongbao",
    title: "通报 tongbao: Beijing COVID-19 prevention reports",
    description:
      "Reports of COVID-19 prevention work published by Beijing district press offices and civilisation offices, cleaned, normalised and validated. Every value is traceable to its input file.",
    licenses: [{ name: "other-at", title: "Texts as published by their sources; see each document's source and url" }],
    resources: resources.map((r) => {
      const isCsv = r.path.endsWith(".csv");
      return {
        name: r.name,
        path: r.path,
        title: r.title,
        description: r.description,
        format: isCsv ? "csv" : "json",
        mediatype: isCsv ? "text/csv" : "application/json",
        encoding: "utf-8",
        ...(isCsv ? { profile: "tabular-data-resource", dialect: { delimiter: ",", lineTerminator: "\n", header: true } } : {}),
        schema: {
          fields: tableFields(r.schema, isCsv ? "csv" : "json"),
          ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}),
          missingValues: [""],
        },
      };
    }),
  };
}
