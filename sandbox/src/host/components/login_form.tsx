import React, {useState} from 'react';

import {logIn} from '../session';

/** Renders the login page: username or email and password, sent with `POST /users/login`. */
export function LoginForm({onLoggedIn}: {onLoggedIn: () => void}) {
    const [loginId, setLoginId] = useState('');
    const [password, setPassword] = useState('');
    const [error, setError] = useState('');
    const [submitting, setSubmitting] = useState(false);

    const submit = async (event: React.FormEvent) => {
        event.preventDefault();
        setSubmitting(true);
        setError('');
        try {
            await logIn(loginId, password);
            onLoggedIn();
        } catch (caught: any) {
            setError(caught?.message || 'Login failed.');
        } finally {
            setSubmitting(false);
        }
    };

    return (
        <form
            className='login-form'
            data-testid='login-form'
            onSubmit={submit}
        >
            <h1>{'Log in to the Deactivate sandbox'}</h1>
            <label>
                {'Email or username'}
                <input
                    data-testid='login-id'
                    name='loginId'
                    autoComplete='username'
                    value={loginId}
                    onChange={(event) => setLoginId(event.target.value)}
                />
            </label>
            <label>
                {'Password'}
                <input
                    data-testid='login-password'
                    name='password'
                    type='password'
                    autoComplete='current-password'
                    value={password}
                    onChange={(event) => setPassword(event.target.value)}
                />
            </label>
            <button
                type='submit'
                className='btn btn-primary'
                data-testid='login-submit'
                disabled={submitting}
            >
                {'Log in'}
            </button>
            {error && (
                <div
                    className='login-error'
                    data-testid='login-error'
                    role='alert'
                >
                    {error}
                </div>
            )}
        </form>
    );
}
