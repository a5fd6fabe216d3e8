// Renderer entry. window.clets is the only way out of this page (Electron preload or preview bridge).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { MissingBridge } from './components/MissingBridge';
import { startInputWatch } from './state/input';
import { createAppStore, startAppStore } from './state/store';
import './styles/app.css';
import './styles/returns.css';
import './styles/release.css';
import './styles/audit.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const root = createRoot(container);
const api = (window as Partial<Window>).clets;

if (api === undefined) {
  root.render(<MissingBridge />);
} else {
  const store = createAppStore(api);
  startAppStore(store, api);
  startInputWatch(store, window);
  root.render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
