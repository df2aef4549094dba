// The CLI as a process whose platform is the mock-server's campaign simulator in-process (no HTTP):
// what the bench runs to measure the CLI's own cost. SIM_SPEED and SIM_SEED configure the simulator.
import { CampaignSimulator } from '@iodm-northbound/mock-server/simulation';
import { runCli, SimulatorUpgradeApi } from '../dist/index.js';

const simulator = new CampaignSimulator({ speed: Number(process.env.SIM_SPEED ?? 1), seed: Number(process.env.SIM_SEED ?? 1) });
const io = { stdout: process.stdout, stderr: process.stderr, env: process.env, interrupted: new AbortController().signal };
process.exitCode = await runCli(process.argv.slice(2), io, { api: new SimulatorUpgradeApi(simulator) });
