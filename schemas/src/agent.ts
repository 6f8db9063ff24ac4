import { Type, type Static } from 'typebox';
import { EthnicGroup, Id, Multilingual } from './common.ts';

/** A person or organisation: a performer, an artisan, a pagoda committee, a museum. */
export const Agent = Type.Object(
  {
    id: Id,
    type: Type.Enum(['person', 'organisation']),
    names: Multilingual,
    ethnicGroups: Type.Optional(Type.Array(EthnicGroup, { maxItems: 10 })),
    description: Type.Optional(Multilingual),
    sameAs: Type.Optional(Type.Array(Type.String({ format: 'uri' }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type Agent = Static<typeof Agent>;

export const AGENT_ROLES = ['creator', 'contributor', 'publisher', 'performer', 'informant', 'photographer', 'recordist', 'author', 'editor', 'translator', 'illustrator', 'compiler', 'advisor'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** An agent's part in an item, by Dublin Core role. */
export const AgentRef = Type.Object(
  {
    agentId: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    /** Dublin Core roles, then the library's (MARC relators aut, edt, trl, ill, com, ths). */
    role: Type.Enum(AGENT_ROLES),
  },
  { additionalProperties: false },
);
export type AgentRef = Static<typeof AgentRef>;
