import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './app';
import { refreshStation, startStationFeed, useStation } from './store/station-store';
import './styles/app.css';

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
