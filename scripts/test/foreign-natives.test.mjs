// Checks scripts/lib/foreign-natives.sh, which takes other platforms' natives out of the jars that
// scripts/package-functions.sh puts in a function's libs/, on small jars laid out like the real ones
// (a second or so; scripts/check-function-zips.sh runs the real, packaged zips).
//   node --test scripts/test/
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const LIB = join(ROOT, 'scripts/lib/foreign-natives.sh');

// Entries of each jar, as the real jars name them; the Linux x86-64 ones are the last of each list.
const LAYOUTS = {
  'onnxruntime-1.20.0.jar': {
    classes: ['ai/onnxruntime/OnnxRuntime.class', 'ai/onnxruntime/platform/Fp16Conversions.class'],
    foreign: [
      'ai/onnxruntime/native/win-x64/onnxruntime.dll', 'ai/onnxruntime/native/win-x64/onnxruntime.pdb',
      'ai/onnxruntime/native/osx-x64/libonnxruntime.dylib',
      'ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/DWARF/libonnxruntime.dylib',
      'ai/onnxruntime/native/linux-aarch64/libonnxruntime.so', 'ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so',
    ],
    linux: ['ai/onnxruntime/native/linux-x64/libonnxruntime.so', 'ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so'],
  },
  'tokenizers-0.36.0.jar': {
    classes: ['ai/djl/huggingface/tokenizers/jni/LibUtils.class', 'native/lib/tokenizers.properties'],
    foreign: [
      'native/lib/win-x86_64/cpu/tokenizers.dll', 'native/lib/win-x86_64/cpu/libstdc++-6.dll',
      'native/lib/osx-aarch64/cpu/libtokenizers.dylib', 'native/lib/linux-aarch64/cpu/libtokenizers.so',
    ],
    linux: ['native/lib/linux-x86_64/cpu/libtokenizers.so'],
  },
  'grpc-netty-shaded-1.76.2.jar': {
    classes: ['io/grpc/netty/shaded/io/netty/internal/tcnative/SSL.class', 'META-INF/native-image/x/native-image.properties'],
    foreign: [
      'META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_aarch_64.so',
      'META-INF/native/libio_grpc_netty_shaded_netty_tcnative_osx_x86_64.jnilib',
      'META-INF/native/io_grpc_netty_shaded_netty_tcnative_windows_x86_64.dll',
      'META-INF/native/libio_grpc_netty_shaded_netty_transport_native_epoll_aarch_64.so',
    ],
    linux: [
      'META-INF/native/libio_grpc_netty_shaded_netty_tcnative_linux_x86_64.so',
      'META-INF/native/libio_grpc_netty_shaded_netty_transport_native_epoll_x86_64.so',
    ],
  },
  'jna-5.17.0.jar': {
    // com/sun/jna/win32/ is a package of classes, not a platform.
    classes: ['com/sun/jna/Native.class', 'com/sun/jna/win32/W32APIOptions.class'],
    foreign: [
      'com/sun/jna/win32-x86-64/jnidispatch.dll', 'com/sun/jna/darwin-aarch64/libjnidispatch.jnilib',
      'com/sun/jna/linux-aarch64/libjnidispatch.so', 'com/sun/jna/linux-x86/libjnidispatch.so',
    ],
    linux: ['com/sun/jna/linux-x86-64/libjnidispatch.so'],
  },
};
// A jar no rule names keeps its natives (conscrypt's is signed and small).
const UNTOUCHED = {
  'conscrypt-openjdk-uber-2.5.2.jar': ['META-INF/native/conscrypt_openjdk_jni-windows-x86_64.dll', 'org/conscrypt/Conscrypt.class'],
};

let work;
before(() => { work = mkdtempSync(join(tmpdir(), 'foreign-natives-')); });
after(() => rmSync(work, { recursive: true, force: true }));

function makeJar(dir, name, entries) {
  const tree = mkdtempSync(join(work, 'tree-'));
  for (const entry of entries) {
    mkdirSync(dirname(join(tree, entry)), { recursive: true });
    writeFileSync(join(tree, entry), `${entry}\n`.repeat(50));
  }
  mkdirSync(dir, { recursive: true });
  execFileSync('zip', ['-q', '-r', join(dir, name), '.'], { cwd: tree });
}

const entriesOf = (jar) => execFileSync('unzip', ['-Z1', jar], { encoding: 'utf8' }).split('\n').filter((e) => e && !e.endsWith('/'));
const strip = (libs) => spawnSync('bash', ['-c', 'set -euo pipefail; source "$1"; strip_foreign_natives "$2"', 'strip', LIB, libs], { encoding: 'utf8' });

function libsWith(name, layouts, { withLinux = true } = {}) {
  const libs = join(work, name, 'libs');
  for (const [jar, l] of Object.entries(layouts)) makeJar(libs, jar, [...l.classes, ...l.foreign, ...(withLinux ? l.linux : [])]);
  return libs;
}

describe('foreign-natives.sh', () => {
  test('keeps only the Linux x86-64 natives and every other entry, and leaves jars no rule names alone', () => {
    const libs = libsWith('all', LAYOUTS);
    for (const [jar, entries] of Object.entries(UNTOUCHED)) makeJar(libs, jar, entries);
    const untouched = readFileSync(join(libs, 'conscrypt-openjdk-uber-2.5.2.jar'));
    const run = strip(libs);
    assert.equal(run.status, 0, run.stderr);
    for (const [jar, l] of Object.entries(LAYOUTS)) {
      assert.deepEqual(entriesOf(join(libs, jar)).sort(), [...l.classes, ...l.linux].sort(), jar);
      assert.match(run.stdout, new RegExp(`${jar.replace(/[.]/g, '\\.')}: \\d+ entries for other platforms removed`));
    }
    assert.deepEqual(readFileSync(join(libs, 'conscrypt-openjdk-uber-2.5.2.jar')), untouched);
  });

  test('a second run finds nothing to take out and changes nothing', () => {
    const libs = libsWith('twice', LAYOUTS);
    assert.equal(strip(libs).status, 0);
    const sizes = Object.keys(LAYOUTS).map((jar) => statSync(join(libs, jar)).size);
    const again = strip(libs);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout, '');
    assert.deepEqual(Object.keys(LAYOUTS).map((jar) => statSync(join(libs, jar)).size), sizes);
  });

  for (const jar of Object.keys(LAYOUTS)) {
    test(`fails, naming it, when ${jar} has no Linux x86-64 native`, () => {
      const libs = libsWith(`missing-${jar}`, { [jar]: LAYOUTS[jar] }, { withLinux: false });
      const run = strip(libs);
      assert.notEqual(run.status, 0, 'stripping a jar without its Linux x86-64 native must fail');
      assert.match(run.stderr, new RegExp(LAYOUTS[jar].linux[0].replace(/[.+]/g, '\\$&')));
    });
  }

  test('a function without any of these jars is packaged as it was', () => {
    const libs = join(work, 'plain', 'libs');
    makeJar(libs, 'guava-33.5.0-jre.jar', ['com/google/common/base/Strings.class']);
    const before = readFileSync(join(libs, 'guava-33.5.0-jre.jar'));
    const run = strip(libs);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(readFileSync(join(libs, 'guava-33.5.0-jre.jar')), before);
  });

  test('package-functions.sh strips every module\'s libs/ before writing the manifest and the zip', () => {
    const script = readFileSync(join(ROOT, 'scripts/package-functions.sh'), 'utf8');
    assert.match(script, /^source scripts\/lib\/foreign-natives\.sh$/m);
    const stripAt = script.indexOf('strip_foreign_natives "$stage/libs"');
    assert.ok(stripAt > 0, 'package-functions.sh does not call strip_foreign_natives on the libs it zips');
    assert.ok(stripAt < script.indexOf('classpath="$('), 'the manifest would list jars before they are stripped');
    assert.ok(stripAt < script.indexOf('zip -q -r'), 'the zip would be made before stripping');
  });
});
