// Whether the transfer / 3-way panel is open: the screen's own state (the server owns the
// legs). The controls bar's button and the panel share it.
import { create } from 'zustand';

interface TransferPanelState {
  open: boolean;
  toggle: () => void;
  show: () => void;
  close: () => void;
}

export const useTransferPanel = create<TransferPanelState>((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));
