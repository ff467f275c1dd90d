/** Onboarding: a placeholder until the screen is built; it says what will live here. */
import { IconUserPlus } from '@tabler/icons-react';
import { PlaceholderScreen } from '../../components/placeholder-screen';

export function OnboardingScreen() {
  return (
    <PlaceholderScreen
      title="Onboarding"
      icon={IconUserPlus}
      summary="Turn intake documents into new people, ready to approve."
      meanwhile="Until then, new people are added in SmartSimple directly."
      planned={[
        'Drop intake documents (PDF, images, forms); fields extracted locally, OCR included',
        'Applicants matched against existing people and organizations',
        'Roles and program assignments recommended from similar people, with the reasons shown',
        'A proposal that becomes a plan to approve',
      ]}
    />
  );
}
