import React from 'react';

interface Props {
    pluginId: string;
    children: React.ReactNode;
}

interface State {
    error: Error | null;
}

/** Keeps a failing plugin component from taking the page down, like `PluggableErrorBoundary`. */
export class PluginErrorBoundary extends React.Component<Props, State> {
    state: State = {error: null};

    static getDerivedStateFromError(error: Error): State {
        return {error};
    }

    componentDidCatch(error: Error): void {
        console.error(`plugin ${this.props.pluginId}: component failed to render`, error);
    }

    render() {
        if (this.state.error) {
            return (
                <div className='plugin-error' data-testid='plugin-render-error'>
                    {`Plugin ${this.props.pluginId} failed to render: ${this.state.error.message}`}
                </div>
            );
        }
        return this.props.children;
    }
}
