// Run by tests/vendor.rs under glibc and under musl + the shim: crypto,
// timers and promises, a child process, zlib, the file system, a worker.
'use strict';
const crypto = require('crypto');
const child = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { Worker } = require('worker_threads');

console.log('sha256', crypto.createHash('sha256').update('gcompat').digest('hex'));
console.log('hmac', crypto.createHmac('sha1', 'key').update('data').digest('base64'));
console.log('pbkdf2', crypto.pbkdf2Sync('pw', 'salt', 1000, 16, 'sha512').toString('hex'));
const key = crypto.scryptSync('secret', 'salt', 32);
const iv = Buffer.alloc(16, 7);
const c = crypto.createCipheriv('aes-256-cbc', key, iv);
const enc = Buffer.concat([c.update('attack at dawn'), c.final()]);
const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
console.log('aes', enc.toString('hex'), Buffer.concat([d.update(enc), d.final()]).toString());
console.log('random bytes', crypto.randomBytes(32).length, typeof crypto.randomUUID());
const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const sig = crypto.sign('sha256', Buffer.from('msg'), privateKey);
console.log('ecdsa verifies', crypto.verify('sha256', Buffer.from('msg'), publicKey, sig));

const gz = zlib.gzipSync('x'.repeat(1000));
console.log('zlib', zlib.gunzipSync(gz).length);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcompat-node-'));
fs.writeFileSync(path.join(dir, 'f.txt'), 'content\n');
console.log('fs', fs.readFileSync(path.join(dir, 'f.txt'), 'utf8').trim(), fs.readdirSync(dir));
fs.rmSync(dir, { recursive: true });

console.log('child', child.execFileSync('/bin/echo', ['from', 'a', 'child']).toString().trim());
const r = child.spawnSync('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3']);
console.log('spawnSync', r.status, r.stdout.toString().trim(), r.stderr.toString().trim());

const order = [];
setTimeout(() => order.push('timeout 20'), 20);
setTimeout(() => order.push('timeout 0'), 0);
setImmediate(() => order.push('immediate'));
Promise.resolve().then(() => order.push('microtask'));
process.nextTick(() => order.push('nextTick'));
const interval = setInterval(() => {
    order.push('interval');
    if (order.filter((x) => x === 'interval').length === 3) clearInterval(interval);
}, 5);

const worker = new Worker('const { parentPort } = require("worker_threads"); parentPort.postMessage(6 * 7);', { eval: true });
worker.on('message', (m) => {
    console.log('worker says', m);
    child.exec('/bin/echo async child', (err, out) => {
        console.log('exec', err === null, out.trim());
        setTimeout(() => {
            console.log('timers', order.includes('timeout 20'), order.slice(0, 2).join(','), order.filter((x) => x === 'interval').length);
        }, 60);
    });
});
