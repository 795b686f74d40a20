// Environment → typed configuration, validated once. Nothing here reads the environment at import time.
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

const EnvSchema = z.object({
  PORT: port.default(8080),
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
  };
}
