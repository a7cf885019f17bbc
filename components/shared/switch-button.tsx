// An on/off switch: a real button with role="switch", so it is reached with Tab, toggled with Space or Enter,
// and announced with its state. Its visible label is its accessible name.
import type { ComponentChildren } from 'preact';

export interface SwitchButtonProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  describedBy?: string;
  disabled?: boolean;
  class?: string;
}

export function SwitchButton({
  checked,
  onChange,
  children,
  describedBy,
  disabled,
  class: className,
}: SwitchButtonProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      disabled={disabled}
      class={`switch${className ? ` ${className}` : ''}`}
      onClick={() => onChange(!checked)}
    >
      <span class="switch__label">{children}</span>
      <span class="switch__track" aria-hidden="true">
        <span class="switch__thumb" />
      </span>
    </button>
  );
}
