import { startDecoder } from '$lib/db/decoder';

// Every page loads the dataset (the layout's getDatabase): the worker that decodes it starts with the app.
startDecoder();
