// Validate an AsyncAPI document with the AsyncAPI project's own parser; `$ref`s resolve against
// the document's folder. Prints every finding; exits 1 on any error.
const fs = require('fs');
const path = require('path');
const { Parser } = require('@asyncapi/parser');

const SEVERITY = ['error', 'warning', 'info', 'hint'];

(async () => {
  const file = path.resolve(process.argv[2]);
  const diagnostics = await new Parser().validate(fs.readFileSync(file, 'utf8'), { source: file });
  for (const found of diagnostics) {
    console.log(`${SEVERITY[found.severity]}: ${found.message} (${found.path.join('.')})`);
  }
  const errors = diagnostics.filter((found) => found.severity === 0).length;
  console.log(`${path.basename(file)}: ${errors ? `${errors} error(s)` : 'valid AsyncAPI'}`);
  process.exit(errors ? 1 : 0);
})();
