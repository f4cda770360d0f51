// The supervisor console (/supervisor): sign in with an API user, then the live agents,
// the generated function form, the replies and this console's history. The password lives
// in this component's state only: never in storage, a URL or a log.
import { useState } from 'react';
import { deleteSession, type ConsoleCredentials } from './api.js';
import { SignIn } from './SignIn.js';
import { Console } from './Console.js';
import './supervisor.css';

export function SupervisorPage() {
  const [credentials, setCredentials] = useState<ConsoleCredentials | null>(null);
  const [expired, setExpired] = useState(false);
  if (!credentials) {
    return <SignIn expired={expired} onSignedIn={(c) => { setExpired(false); setCredentials(c); }} />;
  }
  return (
    <Console
      credentials={credentials}
      onSignOut={() => { void deleteSession(credentials.token); setCredentials(null); }}
      onExpired={() => { setCredentials(null); setExpired(true); }}
    />
  );
}
