import { startKamailio } from './test/e2e/sip/kamailio';
const k = await startKamailio({ maxExpires: 30 });
try { console.log('bindings', await k.bindings('alice')); } catch (e) { console.log('ERR', e, k.logs().slice(-2000)); }
await k.stop();
