// The layering check of `npm run check` (`npm run layers`). docs/architecture.md ("Layers, one way") explains the rules
// and how to read a failure; test/layering.test.ts proves each rule fails on a fixture tree.
//
// Layers, lowest first (DESIGN.md §2). A layer imports only from itself and the layers before it:
//   privacy core     src/privacy/core/**           a leaf: nothing else from src/
//   platform         src/platform/**
//   web              src/web/**
//   privacy engines  src/privacy/** but core/      cookies, policy, retention, consent, rights, audit
//   modules          src/modules/<name>/**
//   composition root src/*.ts and src/modules/*.ts  main, cli, app, context, the module list
//
// Beside the layers, src/sandbox-gateway/** is another program (the test PSP, its own process and
// origin): it imports nothing from the shop, and the shop imports nothing from it (it starts it
// as a child process and speaks HTTP to it, as it would to any PSP). Tests use both.
//
// Paths are regular expressions over the path from the directory the check runs in, so the
// check runs from the project root (the tests run it from each fixture tree's root).

const core = '^src/privacy/core/';
const platform = '^src/platform/';
const web = '^src/web/';
const engines = '^src/privacy/(?!core/)';
const modules = '^src/modules/[^/]+/';
// Files directly under src/ or src/modules/ (the module list) belong to the composition root.
const root = '^src/(modules/)?[^/]+$';
const sandboxGateway = '^src/sandbox-gateway/';

// Tests, contract suites and test fixtures may reach into any layer to set things up; they are
// still held by the cycle rule.
const tests = '\\.(test|contract|fixture)\\.tsx?$';

const either = (...patterns) => patterns.map((pattern) => `(${pattern})`).join('|');

module.exports = {
  forbidden: [
    {
      name: 'privacy-core-is-a-leaf',
      comment: 'The privacy core (vocabulary, declarations, registry) imports nothing else from src/: every layer builds on it.',
      severity: 'error',
      from: { path: core, pathNot: tests },
      to: { path: '^src/', pathNot: core },
    },
    {
      name: 'platform-imports-upward',
      comment: 'The platform (db, http, auth, jobs, mail, crypto) may import only the privacy core.',
      severity: 'error',
      from: { path: platform, pathNot: tests },
      to: { path: either(web, engines, modules, root) },
    },
    {
      name: 'web-imports-upward',
      comment: 'The web layer (layout, components, rendering) may import only the platform and the privacy core.',
      severity: 'error',
      from: { path: web, pathNot: tests },
      to: { path: either(engines, modules, root) },
    },
    {
      name: 'privacy-engine-imports-upward',
      comment: 'The privacy engines (cookies, policy, retention, consent, rights, audit) may not import modules or the composition root.',
      severity: 'error',
      from: { path: engines, pathNot: tests },
      to: { path: either(modules, root) },
    },
    {
      name: 'module-imports-composition-root',
      comment: 'A module may not import the composition root (main, app, context, the module list): the root imports modules.',
      severity: 'error',
      from: { path: modules, pathNot: tests },
      to: { path: root },
    },
    {
      name: 'module-internals',
      comment: "A module reaches another module only through that module's index.ts (its exported services and types).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: tests },
      to: { path: modules, pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'sandbox-gateway-is-separate',
      comment: 'The sandbox gateway is its own program (a PSP look-alike): it imports nothing from the rest of src/.',
      severity: 'error',
      from: { path: sandboxGateway, pathNot: tests },
      to: { path: '^src/', pathNot: sandboxGateway },
    },
    {
      name: 'shop-imports-sandbox-gateway',
      comment: 'The shop reaches the sandbox gateway over HTTP only (SandboxGateway in platform/payments), never by importing it.',
      severity: 'error',
      from: { path: '^src/', pathNot: [sandboxGateway, tests] },
      to: { path: sandboxGateway },
    },
    {
      name: 'unresolvable-import',
      comment: 'An import the check cannot resolve is one it cannot judge: fail rather than pass blind.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-cycle',
      comment: 'No import cycle in src/, type-only imports included: a cycle tangles the layers even when it vanishes at run time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    // npm packages and node built-ins are allowed in every layer: note them, never read them.
    doNotFollow: { path: 'node_modules' },
    // Count `import type`, which TypeScript erases: the design must not depend on it either.
    tsPreCompilationDeps: true,
    // Relative imports with .js suffixes resolve to the .ts files without reading tsconfig.json;
    // add `tsConfig: { fileName: 'tsconfig.json' }` here if src/ ever uses `paths` aliases.
    moduleSystems: ['es6'],
  },
};
