import { registerEnumType } from 'type-graphql';

export enum UsageMode {
  READ = 'READ',
  PRODUCE = 'PRODUCE',
}

registerEnumType(UsageMode, {
  name: 'UsageMode',
  description: 'How an application uses a referential.',
  valuesConfig: { READ: { description: 'Reads its codes.' }, PRODUCE: { description: 'Feeds or maintains it.' } },
});
