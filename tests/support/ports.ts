import { execFileSync } from 'node:child_process';

/** A free TCP port, found synchronously (so it can size a describe block's constants). */
export function freePortSync(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script]).toString().trim());
}
