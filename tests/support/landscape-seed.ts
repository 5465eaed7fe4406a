import type { HttpServer } from '../../src/kernel/http/http-server';
import { DEV_ADMIN_KEY } from '../../src/kernel/auth/security-config';
import { gql } from './graphql-client';

const APPS = [
  { code: 'E2E_PENAL', name: 'Chaîne pénale (test)', domain: 'PENAL', lifecycleStatus: 'PRODUCTION' },
  { code: 'E2E_CIVIL', name: 'Procédure civile (test)', domain: 'CIVIL', lifecycleStatus: 'PRODUCTION' },
  { code: 'E2E_STATS', name: 'Statistiques (test)', domain: 'GESTION', lifecycleStatus: 'DEVELOPMENT' },
];

/** The map's suite needs applications and exchanges: it adds a few through the API when the demo data has none. */
export async function seedLandscapeIfEmpty(server: Pick<HttpServer, 'url'>): Promise<void> {
  const existing = await gql(server, '{ applications { code } }');
  if (existing.data?.applications.length) return;
  for (const app of APPS) {
    const { errors } = await gql(
      { url: server.url, authorization: `Bearer ${DEV_ADMIN_KEY}` },
      'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { code } }',
      {
        input: { ...app, ownerBureau: 'DSJ/SDOJI', urbanisationZone: 'Juridictionnel' },
      },
    );
    if (errors) throw new Error(`seeding ${app.code}: ${errors[0].message}`);
  }
  const exchanges = [
    {
      code: 'E2E_PV',
      name: 'Procès-verbaux',
      producer: { partner: 'POLICE', partnerName: 'LRP (Police nationale)' },
      consumers: [{ applicationCode: 'E2E_PENAL' }],
    },
    { code: 'E2E_STATS_FEED', name: 'Flux statistique', producer: { applicationCode: 'E2E_PENAL' }, consumers: [{ applicationCode: 'E2E_STATS' }] },
    { code: 'E2E_CIVIL_STATS', name: 'Flux civil', producer: { applicationCode: 'E2E_CIVIL' }, consumers: [{ applicationCode: 'E2E_STATS' }] },
  ];
  for (const x of exchanges) {
    const { errors } = await gql(
      { url: server.url, authorization: `Bearer ${DEV_ADMIN_KEY}` },
      'mutation($input: CreateExchangeInput!) { createExchange(input: $input) { code } }',
      {
        input: { ...x, format: 'XML', transport: 'WEB_SERVICE', status: 'ACTIVE' },
      },
    );
    if (errors) throw new Error(`seeding ${x.code}: ${errors[0].message}`);
  }
}
