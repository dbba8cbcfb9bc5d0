// The Jest environment of specs that run onnxruntime-node. Its binding makes output tensors' typed arrays in Node's
// realm and onnxruntime-common checks them with `instanceof` against the test realm's constructors, refusing them
// ("A float32 tensor's data must be type of function Float32Array()"). Jest already shares ArrayBuffer and
// Uint8Array with the test realm for the same reason (Buffer); this shares the other typed arrays too.
import { TestEnvironment } from 'jest-environment-node';

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

export default class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) this.global[name] = globalThis[name];
  }
}
