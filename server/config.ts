// Environment → typed configuration, validated once. Nothing here reads the environment at import time.
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

/**
 * TRUST_PROXY: how many proxies stand in front of the server (`1`), or their addresses
 * (`loopback`, `uniquelocal`, `10.0.0.0/8`, comma-separated), as Express's `trust proxy` takes
 * them. `true` (trust every hop) is refused: any client could then pick its own address.
 */
const trustProxy = z
  .string()
  .trim()
  .refine(
    (v) => v !== 'true',
    'trusting every hop would let any client choose its address; give the number of proxies (e.g. 1) or their addresses',
  )
  .transform((v): number | string | false => {
    if (v === 'false' || v === '0') return false;
    if (/^\d+$/.test(v)) return Number(v);
    return v;
  })
  .refine(
    (v) => typeof v !== 'string' || v.split(',').every((part) => isProxyAddress(part.trim())),
    'expected a number of proxies (e.g. 1) or a comma-separated list of loopback, linklocal, uniquelocal, addresses and subnets',
  );

const NAMED_PROXIES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(part: string): boolean {
  if (NAMED_PROXIES.has(part)) return true;
  const [address = '', prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const EnvSchema = z.object({
  // 0: any free port (the address is printed at start-up).
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI (optionally +s / +ssc)')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().default('neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'e.g. 768m or 2g')
    .default('768m'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/, 'e.g. 256m or 1g')
    .default('256m'),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  CORS_ORIGIN: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  TRUST_PROXY: trustProxy.optional(),
});

export type Config = {
  port: number;
  host: string;
  neo4j: {
    /** Set when the user points at their own server; otherwise the managed one is used. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string;
    boltPort: number;
    heap: string;
    pageCache: string;
  };
  adminToken: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  queryTimeoutMs: number;
  corsOrigin: string | undefined;
  rateLimitPerMinute: number;
  /** Express's `trust proxy`: false (the default), a hop count, or the proxies' addresses. */
  trustProxy: number | string | false;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
    },
    adminToken: e.ADMIN_TOKEN,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    corsOrigin: e.CORS_ORIGIN,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY ?? false,
  };
}
