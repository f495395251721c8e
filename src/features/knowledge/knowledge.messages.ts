import { defineMessages } from '../../core/i18n/i18n.ts';

export const knowledgeMessage = defineMessages({
  nl: {
    title: 'Kennisdeling',
    intro:
      'Gemeenten in Zuid-Holland leren van elkaar: wat deden anderen, wat werkte, wie kunt u bellen? Zoek in de praktijkvoorbeelden of deel uw eigen aanpak.',
  },
  en: {
    title: 'Knowledge exchange',
    intro:
      'Municipalities in Zuid-Holland learn from each other: what did others do, what worked, whom can you call? Search the practices or share your own approach.',
  },
});
