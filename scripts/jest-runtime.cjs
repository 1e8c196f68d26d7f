// Jest's runtime (jest.config.js `runtime`), with the CommonJS modules of node_modules that every test file loads
// into its vm context (jest-circus's adapter, expect, jest-snapshot, pretty-format...) compiled once per worker.
// Jest compiles each of them again in every file's context with vm.compileFunction and a dynamic-import
// callback of its own, which keeps V8 from reusing any compiled code: ~20% of a small test file's CPU went to
// loading them. A vm.Script without that callback is found in V8's per-process compilation cache when the same
// source is compiled again, in any context; each file still runs the modules afresh in its own context, so
// their state is the file's as before. Only modules under node_modules: none of them calls import() (a test's
// or a source's module keeps Jest's compileFunction and its callback).
const vm = require("node:vm");
const Runtime = require("jest-runtime").default;

const NODE_MODULES = /[\\/]node_modules[\\/]/;

class OkrRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    const own = executor.compile.bind(executor);
    executor.compile = (scriptSource, filename) => {
      if (!NODE_MODULES.test(filename) || executor.resolution.isCoreModule(filename)) return own(scriptSource, filename);
      const context = executor.environment.getVmContext();
      if (context == null) return null;
      // Jest's parameters (module, exports, require, __dirname, __filename, jest...), the body on the first line
      // as compileFunction has it, so a stack trace's line numbers stay the file's.
      const source = `(function (${executor.injectedModuleParameters.join(", ")}) {${scriptSource}\n})`;
      try {
        return new vm.Script(source, { filename }).runInContext(context);
      } catch {
        return own(scriptSource, filename); // Jest's own handling of a syntax error, and its message
      }
    };
  }
}

module.exports = OkrRuntime;
