import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has the defaults of the contract', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      adminToken: undefined,
      dataDir: path.resolve('./data'),
    });
    expect(config.neo4j).toMatchObject({ uri: undefined, user: 'neo4j', database: 'neo4j', boltPort: 7687 });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEO4J_URI: 'http://x' })).toThrow(/NEO4J_URI/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
  });

  it('accepts any Neo4j 5 URI scheme', () => {
    for (const uri of ['bolt://h:7687', 'neo4j://h', 'neo4j+s://x.databases.neo4j.io', 'bolt+ssc://h']) {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    }
  });

  it('reads TRUST_PROXY as a hop count or proxy addresses, and refuses to trust every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: 'fd00::/8' }).trustProxy).toBe('fd00::/8');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: trusting every hop/);
    for (const bad of ['abc', '10.0.0.0/33', 'example.com', '1.2.3'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });

  it('takes PORT=0 for any free port, but no Bolt port 0', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(() => loadConfig({ NEO4J_BOLT_PORT: '0' })).toThrow(/NEO4J_BOLT_PORT/);
  });
});
