import type { ItemView } from '@disan/schemas';

/** An item as the API answers it, for tests (imported by tests only). */
export const item: ItemView = {
  id: 'ok-om-bok',
  kind: 'festival',
  ethnicGroups: ['khmer'],
  title: [
    { lang: 'vi', value: 'Lễ hội Ok Om Bok' },
    { lang: 'km', value: 'បុណ្យអកអំបុក' },
  ],
  description: [{ lang: 'en', value: 'Moon festival </script><script>alert(1)</script>' }],
  subjects: [{ lang: 'vi', value: 'cúng trăng' }],
  alternativeNames: [{ lang: 'km-Latn', value: 'Bon Ak Ambok', type: 'romanisation' }],
  agents: [],
  date: '2023-11-26',
  recurrence: [],
  places: [{ name: 'Hồ Nước Ngọt', province: 'Sóc Trăng', geo: { lat: 9.6003, lon: 105.9725 } }],
  languages: ['km', 'vi'],
  rights: null,
  source: null,
  status: 'published',
  access: { level: 'public' },
  version: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  media: [],
  related: [],
  collections: [],
};
