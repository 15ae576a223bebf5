import { vi } from 'vitest';

/**
 * Test support: makes the decoding libraries' WASM trap on purpose. Every instance made while
 * installed (`WebAssembly.instantiate`, which all of them use) has its exported functions
 * wrapped; a call that trips a rule throws a genuine `WebAssembly.RuntimeError`, and from then
 * on every call into that instance throws one too, as a real trap can leave an instance (its
 * memory mid-update): the libraries' own reset() and free() call into it and trap again.
 */

/** The values of the WebAssembly API this uses (the Node typings declare it as types only). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  instantiate(...args: unknown[]): Promise<unknown>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/**
 * A module with one page of memory and one function that loads an i32 past its end: calling it
 * is a real trap, "memory access out of bounds" (the message of the trap seen in CI).
 */
// prettier-ignore
const OUT_OF_BOUNDS = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // types: () -> ()
  0x03, 0x02, 0x01, 0x00, // functions: one of type 0
  0x05, 0x03, 0x01, 0x00, 0x01, // memory: min 1 page
  0x07, 0x08, 0x01, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x00, // export "trap" = function 0
  0x0a, 0x0c, 0x01, 0x0a, 0x00, // code: one body of 10 bytes, no locals
  0x41, 0x80, 0x80, 0x04, 0x28, 0x02, 0x00, 0x1a, 0x0b, // i32.load (i32.const 65536); drop; end
]);
const trapper = new wasm.Instance(new wasm.Module(OUT_OF_BOUNDS)).exports.trap as () => void;

/** Throws a genuine WebAssembly.RuntimeError, from running WASM. */
export function realTrap(): never {
  trapper();
  throw new Error('the out-of-bounds load did not trap');
}

/** When a call into an instance traps: given the call's arguments and the instance's memory. */
type Rule = (args: unknown[], memory: Uint8Array) => boolean;

export class WasmTraps {
  /** Traps sprung so far (first calls that trapped, not the broken instances' later ones). */
  sprung = 0;
  /** Calls into an instance after its trap: none, if a trapped instance is never used again. */
  callsAfterTrap = 0;
  private rule: Rule | null = null;
  private readonly original = wasm.instantiate.bind(wasm);
  private readonly spy = vi
    .spyOn(wasm, 'instantiate')
    .mockImplementation(async (...args: unknown[]) => {
      // With a compiled module (as the libraries call it) an Instance, else { module, instance }.
      const made = (await this.original(...args)) as Instance | { instance: Instance };
      if ('instance' in made) return { ...made, instance: this.wrap(made.instance) };
      return this.wrap(made);
    });

  /** The next call into any instance traps (once). */
  trapNextCall(): void {
    this.rule = () => {
      this.rule = null;
      return true;
    };
  }

  /**
   * Every call, into any instance, given a pointer to these bytes traps: a frame that makes the
   * library trap each time it is decoded.
   */
  trapOnBytes(needle: Uint8Array): void {
    this.rule = (args, memory) =>
      args.some(
        (arg) =>
          typeof arg === 'number' &&
          arg > 0 &&
          arg + needle.length <= memory.length &&
          needle.every((byte, i) => memory[arg + i] === byte),
      );
  }

  /** No more new traps (instances already broken stay broken). */
  disarm(): void {
    this.rule = null;
  }

  restore(): void {
    this.spy.mockRestore();
  }

  private wrap(instance: Instance): Instance {
    const exports: Record<string, unknown> = {};
    let broken = false;
    const memoryExport = Object.values(instance.exports).find(
      (value) => value instanceof wasm.Memory,
    ) as { buffer: ArrayBuffer } | undefined;
    for (const [name, value] of Object.entries(instance.exports)) {
      if (typeof value !== 'function') {
        exports[name] = value;
        continue;
      }
      const call = value as (...args: unknown[]) => unknown;
      exports[name] = (...args: unknown[]) => {
        if (broken) {
          this.callsAfterTrap++;
          realTrap();
        }
        const memory = new Uint8Array(memoryExport?.buffer ?? new ArrayBuffer(0));
        if (this.rule?.(args, memory)) {
          broken = true;
          this.sprung++;
          realTrap();
        }
        return call(...args);
      };
    }
    return { exports };
  }
}

interface Instance {
  exports: Record<string, unknown>;
}
