// Renders a hook-free component tree to plain objects (no DOM here: the unit project runs in node),
// so a test can find a button by its accessible name and call its onClick like a click would.
import { Fragment, isValidElement, type ReactNode } from 'react';

export interface HostNode {
  type: string;
  props: Record<string, unknown>;
  children: Array<HostNode | string>;
}

export function expand(node: ReactNode): Array<HostNode | string> {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return [String(node)];
  if (Array.isArray(node)) return node.flatMap((n: ReactNode) => expand(n));
  if (!isValidElement(node)) throw new Error('unexpected node in the tree');
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (node.type === Fragment) return expand(props.children);
  if (typeof node.type === 'function') {
    // Hook-free function components only (the component under test keeps its hooks at the top).
    return expand((node.type as (p: unknown) => ReactNode)(props));
  }
  if (typeof node.type === 'string') return [{ type: node.type, props, children: expand(props.children) }];
  throw new Error('unexpected element type in the tree');
}

export function findAll(nodes: ReadonlyArray<HostNode | string>, pred: (n: HostNode) => boolean): HostNode[] {
  const out: HostNode[] = [];
  const walk = (list: ReadonlyArray<HostNode | string>) => {
    for (const n of list) {
      if (typeof n === 'string') continue;
      if (pred(n)) out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export function textOf(n: HostNode | string): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join('');
}

/** The accessible name of a button: aria-label, else its text. */
export function nameOf(n: HostNode): string {
  return typeof n.props['aria-label'] === 'string' ? n.props['aria-label'] : textOf(n);
}

export function buttons(nodes: ReadonlyArray<HostNode | string>): HostNode[] {
  return findAll(nodes, (n) => n.type === 'button');
}

export function click(button: HostNode): void {
  const onClick = button.props.onClick;
  if (typeof onClick !== 'function') throw new Error(`button "${nameOf(button)}" has no onClick`);
  (onClick as () => void)();
}
