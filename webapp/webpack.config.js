const path = require('path');

const manifest = require('../plugin.json');

// The web app provides these libraries on window; bundling them would load a second React.
const externals = {
    react: 'React',
    'react-dom': 'ReactDOM',
    redux: 'Redux',
    'react-redux': 'ReactRedux',
    'prop-types': 'PropTypes',
    'react-intl': 'ReactIntl',
};

module.exports = (env, argv) => ({
    entry: './src/index.tsx',
    devtool: argv.mode === 'production' ? false : 'inline-source-map',
    resolve: {
        extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
    module: {
        rules: [
            {
                test: /\.tsx?$/,
                exclude: /node_modules/,
                use: {
                    loader: 'ts-loader',
                    options: {configFile: path.resolve(__dirname, 'tsconfig.build.json')},
                },
            },
        ],
    },
    externals,
    output: {
        path: path.resolve(__dirname, 'dist'),
        filename: 'main.js',
        devtoolNamespace: manifest.id,
        clean: true,
    },
    performance: {hints: false},
    stats: 'errors-warnings',
});
