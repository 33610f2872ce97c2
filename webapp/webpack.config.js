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
                    options: {
                        configFile: path.resolve(__dirname, 'tsconfig.build.json'),
                        // ES modules let webpack split `import()` into its own chunk; the
                        // CommonJS output of tsconfig.base.json would inline it into main.js.
                        compilerOptions: {module: 'es2020'},
                    },
                },
            },
        ],
    },
    externals,
    output: {
        path: path.resolve(__dirname, 'dist'),
        filename: 'main.js',
        // Lazy chunks (the System Console panel) keep their name and get a content hash, so the
        // same source always builds the same file and a new version never meets a cached old one.
        // The server serves every file of webapp/dist under /static/plugins/<id>/;
        // console/chunk_public_path.ts sets the public path at run time.
        chunkFilename: '[name].[contenthash:8].js',
        publicPath: '',
        // Names the chunk loading global after the plugin, so it cannot collide with another
        // plugin's webpack runtime on the same page.
        uniqueName: manifest.id,
        devtoolNamespace: manifest.id,
        clean: true,
    },
    performance: {hints: false},
    stats: 'errors-warnings',
});
