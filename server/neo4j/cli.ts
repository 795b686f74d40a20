// `npm run db:start | db:stop | db:status`: the managed local Neo4j on its own.
import { loadConfig } from '../config.ts';
import { managedNeo4j } from '../runtime.ts';
import { ManagedNeo4jError } from './managed.ts';

async function main(command: string | undefined): Promise<number> {
  const config = loadConfig();
  if (config.neo4j.uri && command !== 'fetch') {
    console.error(`NEO4J_URI is set (${config.neo4j.uri}): that server is not managed by this project.`);
    return command === 'status' ? 0 : 1;
  }
  const managed = managedNeo4j(config, (m) => console.log(m));
  switch (command) {
    case 'start': {
      const creds = await managed.start({ attached: false });
      console.log(`running: ${creds.uri} (user ${creds.user}; password in ${managed.home}/password)`);
      return 0;
    }
    case 'stop': {
      const stopped = await managed.stop();
      console.log(stopped ? 'stopped' : 'not running');
      return 0;
    }
    case 'fetch': {
      managed.ensureInstalled();
      console.log('Java is usable and the Neo4j jars are in server/neo4j/lib');
      return 0;
    }
    case 'status': {
      const record = managed.running();
      console.log(
        record
          ? `running: pid ${record.pid}, bolt://127.0.0.1:${record.boltPort}, since ${record.startedAt}, store ${managed.home}`
          : `not running (store ${managed.home})`,
      );
      return record ? 0 : 3;
    }
    default:
      console.error('usage: tsx server/neo4j/cli.ts start|stop|status|fetch');
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ManagedNeo4jError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
