// Validates every document of a render (helm/tools/render -format json: one {"source", "object"} per line)
// against the JSON schema of its apiVersion/kind from kubernetes-models, whose validators are generated from
// the Kubernetes OpenAPI: required fields, types, formats (int32, int-or-string, quantities) and enums.
// (Unknown fields are not refused by these schemas; helm/tools/check does that.)
//
//   node validate.mjs RENDER.jsonl [NAME]
import { readFileSync } from "node:fs";

const [file, name = "render"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node validate.mjs RENDER.jsonl [NAME]");
  process.exit(2);
}
let passed = 0;
const failures = [];
for (const line of readFileSync(file, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const { source, object } = JSON.parse(line);
  const where = `${source} ${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${object.kind}`;
  let Model;
  try {
    Model = (await import(module))[object.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) {
    failures.push(`${where}: no schema for ${object.apiVersion}/${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    passed++;
  } catch (e) {
    failures.push(`${where}: ${e.message}`);
  }
}
for (const f of failures) console.log(`  FAIL ${f}`);
console.log(`${name}: ${passed} documents valid against the Kubernetes JSON schemas, ${failures.length} invalid`);
process.exit(failures.length === 0 ? 0 : 1);
