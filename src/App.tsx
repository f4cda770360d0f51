import { LoggedOutPage } from './session/LoggedOutPage.js';
import { LoginPage } from './session/LoginPage.js';
import { useSession } from './session/store.js';
import { AgentScreen } from './screen/AgentScreen.js';
import { SupervisorPage } from './supervisor/SupervisorPage.js';

export function App() {
  const session = useSession((s) => s.session);
  const loggedOut = useSession((s) => s.loggedOut);
  // The supervisor console has its own address; no router needed for two pages.
  if (/^\/supervisor\/?$/.test(window.location.pathname)) return <SupervisorPage />;
  if (session) return <AgentScreen key={session.token} token={session.token} />;
  if (loggedOut) return <LoggedOutPage info={loggedOut} />;
  return <LoginPage />;
}
