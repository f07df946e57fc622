/**
 * The site's floor: a bare Astro project of N plain pages (one dynamic route, a title and a paragraph each). Built
 * with the same Astro as the site, its time is what any Astro site of that many pages costs; `npm run bench` prints
 * the site build's time as a multiple of it.
 */

/** A file of the bare project: `path` relative to its root. */
export interface ProjectFile {
  path: string;
  text: string;
}

/**
 * The files of a bare Astro project with `pages` pages at /1/ … /{pages}/ (0 gives a project without pages). The
 * caller writes them into an empty folder with a `node_modules` that has astro.
 */
export function getBareAstroProject(pages: number): ProjectFile[] {
  return [
    { path: "package.json", text: `${JSON.stringify({ name: "bench-floor", private: true, type: "module" }, null, 2)}\n` },
    {
      path: "astro.config.mjs",
      text: 'export default { output: "static", trailingSlash: "always", build: { format: "directory" } };\n',
    },
    {
      path: "src/pages/[id].astro",
      text: [
        "---",
        "export function getStaticPaths() {",
        `  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i + 1) } }));`,
        "}",
        "const { id } = Astro.params;",
        "---",
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>通报 {id}</title></head>',
        "<body><h1>通报 {id}</h1><p>第 {id} 篇，一段普通的文字。</p></body></html>",
        "",
      ].join("\n"),
    },
  ];
}
