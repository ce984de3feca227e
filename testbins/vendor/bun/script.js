// bun runs a script: its runtime, a child process through node's API and
// one through Bun.spawnSync (programs of this machine: the child of a
// program started through musl's loader as a command is not run by it).
const { spawnSync } = require("child_process");
console.log("bun", Bun.version, "sum", [1, 2, 3].reduce((a, b) => a + b));
const r = spawnSync("/bin/echo", ["child says hi"]);
console.log("child:", r.stdout.toString().trim(), "status", r.status);
const p = Bun.spawnSync(["/bin/sh", "-c", "echo sh $((6*7)); exit 3"]);
console.log(p.stdout.toString().trim(), "exit", p.exitCode);
console.log("hash", new Bun.CryptoHasher("sha256").update("gcompat").digest("hex"));
