// The frame of the person page's forms: a dialog on a desk, the whole screen on a phone.
import { Modal, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export function FactModal({
  opened,
  onClose,
  title,
  children,
  size = 'lg',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  size?: string;
}) {
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{title}</Text>}
      size={size}
      fullScreen={isPhone}
      centered={!isPhone}
    >
      {children}
    </Modal>
  );
}
