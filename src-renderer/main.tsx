import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and base styles first, so each feature's own CSS (imported by its screen) comes after them.
import './styles/tokens.css';
import './styles/app.css';
import { connect } from './api/client';
import { App } from './app';
import { refreshStation, startStationFeed, useStation } from './store/station-store';

const client = connect((connection) => {
  const was = useStation.getState().connection;
  useStation.setState({ connection });
  // After a reconnect the session or locale may have changed while the socket was down.
  if (connection === 'open' && was === 'reconnecting') void refreshStation();
});

void startStationFeed(client).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
